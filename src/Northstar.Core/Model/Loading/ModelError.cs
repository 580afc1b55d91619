namespace Northstar.Core.Model.Loading;

/// <summary>
/// One problem of the model: the file and line it is at, the member it concerns as a path
/// (<c>subjects.sales.measures.revenue.sum</c>), and a sentence saying what is wrong.
/// </summary>
public sealed record ModelError(string File, int Line, string Member, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Member.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Member}: {Message}";
}
