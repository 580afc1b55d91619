namespace Northstar.Core.Model.Loading;

/// <summary>A model file as read by the host: its path (as it should appear in error messages) and its YAML text.</summary>
public sealed record ModelFile(string Path, string Text);
