using System.Text;
using System.Text.Json;
using Northstar.Ingest.Files;

namespace Northstar.Ingest.Tests.Files;

/// <summary>A temporary folder of import files for one test, deleted afterwards.</summary>
internal sealed class ImportFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ns-import-").FullName;

    public string Write(string name, string content, bool byteOrderMark = false)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content, new UTF8Encoding(byteOrderMark));
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    public static async Task<List<JsonElement>> EventsOf(FileImportResult result)
    {
        var events = new List<JsonElement>();
        await foreach (var incoming in result.ReadEventsAsync())
            events.Add(incoming.Payload);
        return events;
    }

    public static FileImportOptions Options(EntityKind entity) => new() { Entity = entity };
}
