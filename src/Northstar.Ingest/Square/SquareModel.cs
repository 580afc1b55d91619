using System.Text.Json.Serialization;

namespace Northstar.Ingest.Square;

// The parts of Square's Orders API the connector reads and sends (SearchOrders). Property names follow the API's
// snake_case through SquareJson.Options; fields the connector does not use are ignored when reading.

internal sealed record SquareSearchOrdersRequest(
    IReadOnlyList<string> LocationIds,
    SquareSearchQuery Query,
    int Limit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cursor,
    bool ReturnEntries = false);

internal sealed record SquareSearchQuery(SquareSearchFilter Filter, SquareSort Sort);

internal sealed record SquareSearchFilter(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SquareDateTimeFilter? DateTimeFilter,
    SquareStateFilter StateFilter);

internal sealed record SquareDateTimeFilter(SquareTimeRange UpdatedAt);

internal sealed record SquareTimeRange(string StartAt);

internal sealed record SquareStateFilter(IReadOnlyList<string> States);

internal sealed record SquareSort(string SortField, string SortOrder);

internal sealed record SquareSearchOrdersResponse(IReadOnlyList<SquareOrder>? Orders, string? Cursor);

internal sealed record SquareMoney(long Amount, string Currency);

internal sealed record SquareOrder(
    string Id,
    string LocationId,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<SquareLineItem>? LineItems = null,
    string? CustomerId = null,
    DateTimeOffset? ClosedAt = null,
    long? Version = null,
    SquareMoney? TotalMoney = null,
    SquareMoney? TotalTaxMoney = null,
    SquareMoney? TotalDiscountMoney = null,
    SquareMoney? TotalTipMoney = null,
    IReadOnlyList<SquareRefund>? Refunds = null,
    IReadOnlyList<SquareReturn>? Returns = null,
    SquareReturnAmounts? ReturnAmounts = null);

internal sealed record SquareLineItem(
    string Quantity,
    string? Uid = null,
    string? CatalogObjectId = null,
    string? Name = null,
    SquareMoney? BasePriceMoney = null,
    SquareMoney? GrossSalesMoney = null,
    SquareMoney? TotalDiscountMoney = null,
    SquareMoney? TotalTaxMoney = null,
    SquareMoney? TotalMoney = null);

internal sealed record SquareRefund(string Id, SquareMoney AmountMoney, string Status, DateTimeOffset? CreatedAt = null);

internal sealed record SquareReturn(IReadOnlyList<SquareReturnLineItem>? ReturnLineItems = null);

internal sealed record SquareReturnLineItem(string? SourceLineItemUid = null, SquareMoney? TotalMoney = null);

internal sealed record SquareReturnAmounts(SquareMoney? TotalMoney = null);
