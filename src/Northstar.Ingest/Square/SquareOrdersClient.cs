using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Northstar.Ingest.Square;

/// <summary>
/// Calls SearchOrders with the bearer token, trying again with backoff on 429, 5xx, timeouts and network errors
/// (honouring <c>Retry-After</c>) up to <see cref="SquareOptions.MaxAttempts"/>; any other refusal fails at once.
/// </summary>
internal sealed partial class SquareOrdersClient(
    HttpClient http,
    SquareOptions options,
    Func<TimeSpan, CancellationToken, Task> delay,
    ILogger logger)
{
    // The API version the request and response shapes follow; Square pins behaviour to it.
    private const string ApiVersion = "2025-01-23";

    private readonly Uri _searchUrl = new(EndWithSlash(options.BaseUrl!), "v2/orders/search");

    public async Task<SquareSearchOrdersResponse> SearchAsync(SquareSearchOrdersRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (response, failure, retryAfter) = await TryOnceAsync(request, cancellationToken).ConfigureAwait(false);
            if (response is not null)
                return response;
            if (attempt >= options.MaxAttempts)
                throw new SquareSyncException($"Square's orders search failed {attempt} times in a row; the last failure: {failure}.");

            var wait = SquareBackoff.Next(attempt, retryAfter, options);
            LogRetry(logger, attempt, failure, wait);
            await delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(SquareSearchOrdersResponse? Response, string Failure, TimeSpan? RetryAfter)> TryOnceAsync(
        SquareSearchOrdersRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, _searchUrl)
            {
                Content = JsonContent.Create(request, options: SquareJson.Options),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
            message.Headers.Add("Square-Version", ApiVersion);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return (await ReadAsync(response, timeout.Token).ConfigureAwait(false), "", null);
            if (!IsTransient(response.StatusCode))
                throw new SquareSyncException(Refusal(response.StatusCode));
            return (null, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", RetryAfter(response));
        }
        catch (HttpRequestException e)
        {
            return (null, $"network error ({e.HttpRequestError})", null);
        }
        catch (IOException)
        {
            return (null, "the connection broke while reading the answer", null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s", null);
        }
    }

    private static async Task<SquareSearchOrdersResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<SquareSearchOrdersResponse>(SquareJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new SquareSyncException("Square's orders search answered with an empty body.");
        }
        catch (JsonException e)
        {
            throw new SquareSyncException($"Square's orders search answered with a body that is not a SearchOrders response: {e.Message}", e);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static string Refusal(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Square refused the access token (HTTP 401); check Northstar:Sync:Square:AccessToken.",
        HttpStatusCode.Forbidden => "Square's access token lacks the ORDERS_READ permission for these locations (HTTP 403).",
        HttpStatusCode.NotFound => "Square's orders search was not found at the configured BaseUrl (HTTP 404).",
        _ => $"Square's orders search refused the request (HTTP {(int)status}).",
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static Uri EndWithSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Square orders search attempt {Attempt} failed ({Failure}); trying again in {Wait}")]
    private static partial void LogRetry(ILogger logger, int attempt, string failure, TimeSpan wait);
}
