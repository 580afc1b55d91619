namespace Northstar.Core.Model.Loading;

/// <summary>The model files are invalid; <see cref="Errors"/> lists every problem found, and so does the message.</summary>
public sealed class ModelValidationException : Exception
{
    /// <summary>Creates the exception for the given problems (at least one).</summary>
    public ModelValidationException(IReadOnlyList<ModelError> errors)
        : base(Describe(Sort(errors))) => Errors = Sort(errors);

    /// <summary>Creates the exception with no listed problem.</summary>
    public ModelValidationException() => Errors = [];

    /// <summary>Creates the exception with a message and no listed problem.</summary>
    public ModelValidationException(string message) : base(message) => Errors = [];

    /// <summary>Creates the exception with a message, an inner exception and no listed problem.</summary>
    public ModelValidationException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    /// <summary>The problems, in file and line order.</summary>
    public IReadOnlyList<ModelError> Errors { get; }

    private static List<ModelError> Sort(IReadOnlyList<ModelError> errors) =>
        [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)];

    private static string Describe(IReadOnlyList<ModelError> errors) =>
        $"The semantic model has {errors.Count} error{(errors.Count == 1 ? "" : "s")}:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
