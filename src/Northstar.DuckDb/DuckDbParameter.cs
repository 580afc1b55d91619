using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Northstar.DuckDb;

/// <summary>
/// A value bound to a prepared statement. Named parameters match <c>$name</c> (the name given with or without the
/// <c>$</c>); unnamed ones bind <c>$1</c>, <c>$2</c>, <c>?</c>... by their position in the collection. The CLR type of
/// the value picks the DuckDB type; <see cref="DbType"/> overrides it where it matters (<c>Date</c>, <c>Time</c>,
/// <c>DateTime</c>/<c>DateTime2</c>, <c>DateTimeOffset</c>, <c>Guid</c>, <c>String</c>).
/// </summary>
public sealed class DuckDbParameter : DbParameter
{
    private string _parameterName = "";
    private DbType? _dbType;

    /// <summary>Creates an unnamed parameter without a value.</summary>
    public DuckDbParameter()
    {
    }

    /// <summary>Creates a positional parameter.</summary>
    public DuckDbParameter(object? value) => Value = value;

    /// <summary>Creates a named parameter.</summary>
    public DuckDbParameter(string parameterName, object? value)
    {
        ParameterName = parameterName;
        Value = value;
    }

    /// <summary>Creates a named parameter of an explicit type.</summary>
    public DuckDbParameter(string parameterName, DbType dbType, object? value)
        : this(parameterName, value) => DbType = dbType;

    /// <inheritdoc />
    public override DbType DbType
    {
        get => _dbType ?? Internal.ParameterTypes.InferDbType(Value);
        set => _dbType = value;
    }

    /// <summary>Whether <see cref="DbType"/> was set explicitly (rather than inferred from the value).</summary>
    internal bool HasExplicitDbType => _dbType.HasValue;

    /// <inheritdoc />
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB supports input parameters only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; }

    /// <summary>The name, without the leading <c>$</c> (which may be given); empty for a positional parameter.</summary>
    [AllowNull]
    public override string ParameterName
    {
        get => _parameterName;
        set => _parameterName = value is null ? "" : value.TrimStart('$', '@', ':');
    }

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn { get; set; } = "";

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <inheritdoc />
    public override void ResetDbType() => _dbType = null;
}
