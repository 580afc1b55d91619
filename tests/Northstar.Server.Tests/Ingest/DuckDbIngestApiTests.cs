namespace Northstar.Server.Tests.Ingest;

/// <summary>The webhook ingest API on embedded DuckDB, each test in a temp folder of its own.</summary>
public sealed class DuckDbIngestApiTests
{
    [Fact]
    public Task A_signed_event_is_acknowledged_and_in_bronze() =>
        IngestScenarios.A_signed_event_is_acknowledged_and_in_bronze(TestEngine.DuckDb);

    [Fact]
    public Task Unsigned_badly_signed_or_expired_requests_get_401_and_write_nothing() =>
        IngestScenarios.Unsigned_badly_signed_or_expired_requests_get_401_and_write_nothing(TestEngine.DuckDb);

    [Fact]
    public Task The_same_event_three_times_is_one_bronze_row_then_duplicates() =>
        IngestScenarios.The_same_event_three_times_is_one_bronze_row_then_duplicates(TestEngine.DuckDb);

    [Fact]
    public Task Concurrent_deliveries_of_one_event_store_it_once() =>
        IngestScenarios.Concurrent_deliveries_of_one_event_store_it_once(TestEngine.DuckDb);

    [Fact]
    public Task Concurrent_batches_sharing_events_store_each_once_and_answer_every_event_of_every_request() =>
        IngestScenarios.Concurrent_batches_sharing_events_store_each_once_and_answer_every_event_of_every_request(TestEngine.DuckDb);

    [Fact]
    public Task An_idempotency_key_makes_redeliveries_duplicates_and_is_refused_on_a_batch() =>
        IngestScenarios.An_idempotency_key_makes_redeliveries_duplicates_and_is_refused_on_a_batch(TestEngine.DuckDb);

    [Fact]
    public Task A_batch_with_one_invalid_event_stores_the_others_and_names_the_bad_one() =>
        IngestScenarios.A_batch_with_one_invalid_event_stores_the_others_and_names_the_bad_one(TestEngine.DuckDb);

    [Fact]
    public Task A_request_whose_events_are_all_invalid_is_a_400_naming_entity_index_and_field() =>
        IngestScenarios.A_request_whose_events_are_all_invalid_is_a_400_naming_entity_index_and_field(TestEngine.DuckDb);

    [Fact]
    public Task Bodies_and_batches_over_the_limits_are_413s_that_name_the_limit() =>
        IngestScenarios.Bodies_and_batches_over_the_limits_are_413s_that_name_the_limit(TestEngine.DuckDb);

    [Fact]
    public Task Unknown_entities_malformed_json_and_non_events_are_named_problems() =>
        IngestScenarios.Unknown_entities_malformed_json_and_non_events_are_named_problems(TestEngine.DuckDb);

    [Fact]
    public Task An_accepted_order_is_processed_into_silver_and_gold() =>
        IngestScenarios.An_accepted_order_is_processed_into_silver_and_gold(TestEngine.DuckDb);

    [Fact]
    public Task Events_that_cannot_be_applied_are_listed_as_quality_issues() =>
        IngestScenarios.Events_that_cannot_be_applied_are_listed_as_quality_issues(TestEngine.DuckDb);
}
