namespace Northstar.Core.Model;

/// <summary>Filter operators (wire names: <c>equals</c> for EqualTo, <c>not_equals</c> for NotEqualTo, otherwise snake_case: <c>not_in</c>, <c>starts_with</c>, <c>is_null</c>...).</summary>
public enum FilterOp
{
    EqualTo,
    NotEqualTo,
    In,
    NotIn,
    Contains,
    StartsWith,
    Gt,
    Gte,
    Lt,
    Lte,
    Between,
    IsNull,
    IsNotNull,
}

/// <summary>Time grains.</summary>
public enum Grain
{
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}
