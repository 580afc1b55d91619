using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Northstar.Ingest.Demo;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Wire;
using static Northstar.Ingest.Tests.Pipeline.TestEvents;

namespace Northstar.Ingest.Tests.Pipeline;

/// <summary>
/// Typed records (the demo's bulk path) are validated on the record and serialized once; what they become in bronze
/// must hold what the same record sent as JSON holds, and what JSON validation refuses must be refused too.
/// </summary>
public sealed class WireAcceptanceTests
{
    private static readonly DemoOptions Sample = new()
    {
        Days = 3,
        Branches = 2,
        OrdersPerDay = 40,
        Seed = 11,
        Today = new DateOnly(2026, 3, 10),
    };

    [Fact]
    public void A_typed_record_becomes_the_bronze_record_of_its_json_with_the_same_values()
    {
        var data = DemoCompany.Generate(Sample);
        var compared = 0;
        foreach (var entity in Northstar.Ingest.Demo.DemoLoad.Order)
        {
            foreach (var (record, index) in data.Of(entity).Take(50).Select((record, index) => (record, index)))
            {
                var (typed, typedInvalid) = Acceptance.CheckWire("demo", entity, record, index);
                var (fromJson, jsonInvalid) = Acceptance.Check("demo", entity, IncomingEvent.From(record), index);
                Assert.Null(typedInvalid);
                Assert.Null(jsonInvalid);
                Assert.Equal(fromJson! with { ContentHash = "", Payload = "" }, typed! with { ContentHash = "", Payload = "" });
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(fromJson.Payload), JsonNode.Parse(typed.Payload)), typed.Payload);
                Assert.Equal(
                    Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(typed.Payload))), typed.ContentHash);
                compared++;
            }
        }

        Assert.True(compared > 100, $"only {compared} records compared");
    }

    [Fact]
    public void A_typed_record_breaking_a_rule_is_refused_as_its_json_is()
    {
        var order = Order("o-1") with { Total = -1 };

        var (typed, typedInvalid) = Acceptance.CheckWire("demo", EntityKind.Orders, order, 4);
        var (_, jsonInvalid) = Acceptance.Check("demo", EntityKind.Orders, IncomingEvent.From(order), 4);

        Assert.Null(typed);
        Assert.Equal(jsonInvalid!.Errors, typedInvalid!.Errors);
        Assert.Equal(new EventOutcome(4, EventStatus.Invalid, "o-1", typedInvalid.Errors), typedInvalid);
    }

    [Fact]
    public void A_typed_record_missing_a_required_field_is_refused_as_its_json_is()
    {
        var order = Order("o-1") with { LocationId = null! };

        var (typed, typedInvalid) = Acceptance.CheckWire("demo", EntityKind.Orders, order, 0);
        var (_, jsonInvalid) = Acceptance.Check("demo", EntityKind.Orders, IncomingEvent.From(order), 0);

        Assert.Null(typed);
        Assert.Equal([new FieldError("location_id", "is required")], typedInvalid!.Errors);
        Assert.Equal(jsonInvalid!.Errors, typedInvalid.Errors);
    }

    [Fact]
    public void A_record_of_another_entity_is_refused()
    {
        var (typed, invalid) = Acceptance.CheckWire("demo", EntityKind.Leads, Order("o-1"), 0);

        Assert.Null(typed);
        Assert.Equal([new FieldError("$", "must be a LeadEvent")], invalid!.Errors);
    }
}
