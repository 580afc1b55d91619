using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Northstar.Server.Accounts;

namespace Northstar.Server.Ingest;

/// <summary>
/// An import file received in a request's body (raw, or the <c>file</c> part of a multipart form), streamed into a
/// folder of its own under the temp folder, never whole in memory; disposing deletes it. The file keeps the name the
/// client gave (without any folder), so the reader detects its format and names it in messages.
/// </summary>
internal sealed class UploadedFile : IDisposable
{
    private const string FilePart = "file";
    private const int MaxNameLength = 200;
    private const int ChunkSize = 64 * 1024;

    // Boundaries and part headers around the file in a multipart body.
    private const long MultipartOverheadBytes = 64 * 1024;

    private readonly string _folder;

    private UploadedFile(string folder, string name)
    {
        _folder = folder;
        Name = name;
    }

    /// <summary>The file's name (as given, without a folder), for messages.</summary>
    public string Name { get; }

    /// <summary>Where the file is on disk.</summary>
    public string Path => System.IO.Path.Combine(_folder, Name);

    /// <summary>
    /// Receives the file of <paramref name="request"/>, up to <paramref name="options"/>' size limit: the file, or
    /// null with the problem that refuses the request (413 over the limit, 400 for a form without a file, 415 for a
    /// content type that is not a file).
    /// </summary>
    public static async Task<(UploadedFile? File, ProblemHttpResult? Refusal)> ReceiveAsync(
        HttpRequest request, string? fileName, FileUploadOptions options, CancellationToken cancellationToken)
    {
        var maxBytes = options.MaxFileBytes;
        var isForm = request.HasFormContentType;
        if (request.ContentLength > maxBytes + (isForm ? MultipartOverheadBytes : 0))
            return (null, TooLarge(options));
        // Our own limit governs this endpoint, whether above or below the server's default.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = maxBytes + MultipartOverheadBytes + 1;

        Stream body;
        string? partName = null, contentType = request.ContentType;
        if (isForm)
        {
            var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
                ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value
                : null;
            if (string.IsNullOrEmpty(boundary) || !mediaType!.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                return (null, Unsupported(request.ContentType));

            MultipartSection? section;
            try
            {
                section = await FindFilePartAsync(new MultipartReader(boundary, request.Body), cancellationToken);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (null, TooLarge(options));
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                return (null, FieldProblems.Invalid(FilePart, "The body is not a well-formed multipart/form-data form."));
            }

            if (section is null)
            {
                return (null, FieldProblems.Invalid(FilePart,
                    "The form has no part named \"file\"; send the file as the \"file\" part of a multipart/form-data body."));
            }

            body = section.Body;
            contentType = section.ContentType;
            partName = section.GetContentDispositionHeader() is { } disposition
                ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value
                : null;
        }
        else if (!IsFileType(request.ContentType))
        {
            return (null, Unsupported(request.ContentType));
        }
        else
        {
            body = request.Body;
        }

        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "northstar-uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = new UploadedFile(folder, SafeName(string.IsNullOrWhiteSpace(fileName) ? partName : fileName, contentType));
        try
        {
            if (!await CopyAsync(body, file.Path, maxBytes, cancellationToken))
            {
                file.Dispose();
                return (null, TooLarge(options));
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            file.Dispose();
            return (null, TooLarge(options));
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return (file, null);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static async Task<MultipartSection?> FindFilePartAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        // Other fields of the form are read past (the reader drains a section when asked for the next).
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (section.GetContentDispositionHeader() is { } disposition
                && disposition.IsFileDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FilePart, StringComparison.Ordinal))
            {
                return section;
            }
        }

        return null;
    }

    /// <summary>Copies <paramref name="body"/> to <paramref name="path"/>; false when it is over <paramref name="maxBytes"/>.</summary>
    private static async Task<bool> CopyAsync(Stream body, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        long written = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            if (written > maxBytes)
                return false;
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    private static bool IsFileType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return true;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
            return false;
        var type = mediaType.MediaType.Value ?? "";
        return type.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The client's file name without any folder or character a file name cannot hold; when none is given, one whose
    /// extension follows the content type (so the format is detected as the client meant).
    /// </summary>
    private static string SafeName(string? given, string? contentType)
    {
        var name = System.IO.Path.GetFileName((given ?? "").Replace('\\', '/')).Trim();
        var invalid = System.IO.Path.GetInvalidFileNameChars();
        name = new string([.. name.Where(character => !invalid.Contains(character) && !char.IsControl(character))]);
        if (name.Length > MaxNameLength)
            name = name[^MaxNameLength..];
        if (name.Trim('.').Length > 0)
            return name;

        var type = MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ? mediaType.MediaType.Value : null;
        return type?.ToUpperInvariant() switch
        {
            "TEXT/CSV" => "upload.csv",
            "APPLICATION/X-NDJSON" => "upload.jsonl",
            _ => "upload",
        };
    }

    private static ProblemHttpResult TooLarge(FileUploadOptions options) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "File too large",
            detail: $"The file is larger than the limit of {options.DescribeMaxFileBytes()}; nothing was imported.",
            extensions: new Dictionary<string, object?> { ["limit"] = "MaxFileBytes", ["maxFileBytes"] = options.MaxFileBytes });

    private static ProblemHttpResult Unsupported(string? contentType) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported content type",
            detail: $"The body's content type '{contentType}' is not a file: send text/csv, application/x-ndjson, " +
                "application/octet-stream, or multipart/form-data with a \"file\" part.");
}
