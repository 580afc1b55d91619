using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Northstar.Bench.Suites.Dashboard;

/// <summary>
/// The size of what the first page needs before any lazily loaded chunk: the scripts and style sheets that
/// <c>index.html</c> names (entry module, module preloads, CSS), each compressed with gzip as a server or proxy would.
/// </summary>
internal static partial class FirstPage
{
    public static async Task<string> DescribeAsync(Uri server, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = server };
        var index = await client.GetStringAsync(new Uri("/", UriKind.Relative), cancellationToken);
        long scripts = 0, styles = 0;
        foreach (Match asset in Asset().Matches(index))
        {
            var path = asset.Groups["path"].Value;
            var bytes = await client.GetByteArrayAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (path.EndsWith(".css", StringComparison.Ordinal))
                styles += Gzipped(bytes);
            else
                scripts += Gzipped(bytes);
        }

        return string.Create(CultureInfo.InvariantCulture, $"JS {scripts / 1024.0:N1} KB, CSS {styles / 1024.0:N1} KB");
    }

    private static long Gzipped(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bytes);
        return compressed.Length;
    }

    [GeneratedRegex("""(?:src|href)="(?<path>/[^"]+\.(?:js|css))"(?=[^>]*>)""")]
    private static partial Regex Asset();
}
