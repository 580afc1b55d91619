using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

using Northstar.Server.Live;

namespace Northstar.Server.Dashboards;

/// <summary>
/// Reads one dashboard file: its keys, types and required fields, each tile's viz and grid position, and its specs as
/// JSON. Every problem is collected with the file and the path; a tile with a problem is left out of the result, so
/// the checks that compare tiles (<see cref="DashboardValidator"/>) see only tiles that were read.
/// </summary>
internal sealed partial class DashboardReader
{
    /// <summary>The visualizations a tile may use (docs/dashboards.md describes each).</summary>
    public static readonly IReadOnlyList<string> Vizzes = ["kpi", "bar", "hbar", "bar_line", "pie", "heatmap", "histogram", "funnel", "table", "map"];

    /// <summary>The push interval of a dashboard's tiles when its file names none.</summary>
    public const int DefaultLiveIntervalSeconds = 5;

    private static readonly string[] DashboardKeys = ["title", "description", "order", "live_interval_seconds", "branch_filter", "export", "tiles"];
    private static readonly string[] TileKeys = ["id", "title", "description", "viz", "position", "spec", "export", "options"];
    private static readonly string[] PositionKeys = ["x", "y", "w", "h"];

    private readonly string _file;
    private readonly List<DashboardError> _errors;

    private DashboardReader(string file, List<DashboardError> errors)
    {
        _file = file;
        _errors = errors;
    }

    /// <summary>The dashboard of <paramref name="text"/>, or null when it cannot be read at all; problems go to <paramref name="errors"/>.</summary>
    /// <param name="id">The dashboard's id (the file name without <c>.yaml</c>).</param>
    /// <param name="file">The file as errors name it.</param>
    /// <param name="text">The file's content.</param>
    /// <param name="errors">Where problems are added.</param>
    public static ParsedDashboard? Read(string id, string file, string text, List<DashboardError> errors) =>
        new DashboardReader(file, errors).Read(id, text);

    private ParsedDashboard? Read(string id, string text)
    {
        if (!IdPattern().IsMatch(id))
            Error("", "The file name is the dashboard's id, in its URL: use lower-case letters, digits, - and _ (e.g. sales.yaml).");

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException invalid)
        {
            Error("", string.Create(CultureInfo.InvariantCulture,
                $"not valid YAML at line {invalid.Start.Line}, column {invalid.Start.Column}: {(invalid.InnerException ?? invalid).Message}"));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error("", "A dashboard file holds one mapping with title and tiles.");
            return null;
        }

        CheckKeys(root, DashboardKeys, "");
        var title = Text(root, "title", "", required: true);
        var description = Text(root, "description", "", required: false);
        var order = Integer(root, "order", "", required: false) ?? 0;
        var liveInterval = Integer(root, "live_interval_seconds", "", required: false) ?? DefaultLiveIntervalSeconds;
        if (LiveSubscriptions.IntervalError(liveInterval) is { } intervalError)
            Error("live_interval_seconds", intervalError);
        var branchFilter = Boolean(root, "branch_filter", "") ?? true;
        var export = Spec(root, "export", "", required: false);
        var tiles = new List<ParsedTile>();
        if (Child(root, "tiles") is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            Error("tiles", "A dashboard needs tiles: a list of at least one tile.");
        }
        else
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (Tile(sequence.Children[i], i) is { } tile)
                    tiles.Add(tile);
            }
        }

        // Without a title the file is invalid already; its tiles are still checked, so that every problem is listed.
        return new ParsedDashboard(id, _file, title ?? "", description, order, liveInterval, branchFilter, export, tiles);
    }

    private ParsedTile? Tile(YamlNode node, int index)
    {
        var path = $"tiles[{index}]";
        if (node is not YamlMappingNode tile)
        {
            Error(path, "A tile is a mapping with id, title, viz, position and spec.");
            return null;
        }

        var errors = _errors.Count;
        CheckKeys(tile, TileKeys, path);
        var id = Text(tile, "id", path, required: true);
        if (id is not null && !IdPattern().IsMatch(id))
            Error($"{path}.id", $"'{id}' is not a valid tile id: use lower-case letters, digits, - and _.");
        var title = Text(tile, "title", path, required: true);
        var description = Text(tile, "description", path, required: false);
        var viz = Text(tile, "viz", path, required: true);
        if (viz is not null && !Vizzes.Contains(viz))
            Error($"{path}.viz", $"'{viz}' is not a visualization; use one of {string.Join(", ", Vizzes)}.");
        var position = Position(tile, path);
        var spec = Spec(tile, "spec", path, required: true);
        var export = Spec(tile, "export", path, required: false);
        var options = Child(tile, "options") switch
        {
            null => JsonSerializer.SerializeToElement(new { }),
            YamlMappingNode mapping => JsonSerializer.SerializeToElement(YamlJson.Convert(mapping)),
            _ => Invalid<JsonElement>($"{path}.options", "The options are a mapping of option names to values."),
        };

        return _errors.Count > errors ? null : new ParsedTile(index, id!, title!, description, viz!, position!, spec!.Value, export, options);
    }

    private TilePosition? Position(YamlMappingNode tile, string tilePath)
    {
        var path = $"{tilePath}.position";
        if (Child(tile, "position") is not YamlMappingNode position)
        {
            Error(path, "A tile needs a position: { x, y, w, h } on the 12-column grid.");
            return null;
        }

        CheckKeys(position, PositionKeys, path);
        var x = Integer(position, "x", path, required: true);
        var y = Integer(position, "y", path, required: true);
        var w = Integer(position, "w", path, required: true);
        var h = Integer(position, "h", path, required: true);
        if (x is null || y is null || w is null || h is null)
            return null;

        var problems = _errors.Count;
        if (x < 0 || x >= TilePosition.Columns)
            Error($"{path}.x", $"The column x must be 0 to {TilePosition.Columns - 1} (it is {x}).");
        if (y < 0)
            Error($"{path}.y", $"The row y must be 0 or more (it is {y}).");
        if (w < 1 || x + w > TilePosition.Columns)
            Error($"{path}.w", $"The width w must be at least 1 and x + w at most {TilePosition.Columns} (x {x} + w {w} = {x + w}).");
        if (h < 1)
            Error($"{path}.h", $"The height h must be at least 1 (it is {h}).");
        return _errors.Count > problems ? null : new TilePosition(x.Value, y.Value, w.Value, h.Value);
    }

    private JsonElement? Spec(YamlMappingNode parent, string key, string parentPath, bool required)
    {
        switch (Child(parent, key))
        {
            case null when required:
                Error(Join(parentPath, key), "A tile needs a spec: a query spec as POST /api/query takes it.");
                return null;
            case null:
                return null;
            case YamlMappingNode mapping:
                return JsonSerializer.SerializeToElement(YamlJson.Convert(mapping));
            default:
                Error(Join(parentPath, key), "A query spec is a mapping (metrics, dimensions, time, filters, ...).");
                return null;
        }
    }

    private string? Text(YamlMappingNode parent, string key, string parentPath, bool required)
    {
        switch (Child(parent, key))
        {
            case null when required:
                Error(Join(parentPath, key), $"The {key} is required.");
                return null;
            case null:
                return null;
            case YamlScalarNode { Value: { Length: > 0 } value } when !string.IsNullOrWhiteSpace(value):
                return value;
            default:
                Error(Join(parentPath, key), $"The {key} must be a text.");
                return null;
        }
    }

    private bool? Boolean(YamlMappingNode parent, string key, string parentPath)
    {
        switch (Child(parent, key))
        {
            case null:
                return null;
            case YamlScalarNode { Value: "true" }:
                return true;
            case YamlScalarNode { Value: "false" }:
                return false;
            default:
                Error(Join(parentPath, key), $"The {key} must be true or false.");
                return null;
        }
    }

    private int? Integer(YamlMappingNode parent, string key, string parentPath, bool required)
    {
        switch (Child(parent, key))
        {
            case null when required:
                Error(Join(parentPath, key), $"The {key} is required.");
                return null;
            case null:
                return null;
            case YamlScalarNode { Value: { } value } when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return number;
            default:
                Error(Join(parentPath, key), $"The {key} must be a whole number.");
                return null;
        }
    }

    private void CheckKeys(YamlMappingNode mapping, string[] allowed, string path)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : key.ToString();
            if (!allowed.Contains(name, StringComparer.Ordinal))
                Error(Join(path, name), $"Unknown key '{name}'; a {Kind(path)} has {string.Join(", ", allowed)}.");
        }
    }

    private static string Kind(string path) => path switch
    {
        "" => "dashboard",
        _ when path.EndsWith(".position", StringComparison.Ordinal) => "position",
        _ => "tile",
    };

    private static YamlNode? Child(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private T? Invalid<T>(string path, string message)
    {
        Error(path, message);
        return default;
    }

    private void Error(string path, string message) => _errors.Add(new DashboardError(_file, path, message));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();
}
