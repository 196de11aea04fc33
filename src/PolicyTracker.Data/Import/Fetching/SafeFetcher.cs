using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace PolicyTracker.Data.Import.Fetching;

public sealed record FetchOptions
{
    // Loopback, private, link-local and unique-local addresses are refused unless this is true
    // (tests, or a deployment that imports from its own network on purpose). Setting: Fetching:AllowPrivateNetworks.
    public bool AllowPrivateNetworks { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    // Replaces the address rule (tests: allow one loopback address and refuse another).
    public Func<IPAddress, bool>? AddressAllowed { get; init; }
}

public sealed record FetchResult(Uri Url, Uri FinalUrl, string? MediaType, string? Charset, byte[]? Body, string? Error)
{
    public bool Succeeded => Error is null;
}

// Fetches a URL for the server (a feed, an article) without letting it be turned against the
// server's own network: every connection, the first and each redirect's, resolves the host itself
// and connects only to an address the rule allows (so DNS rebinding gets nothing either), with a
// timeout and a size cap. Failures are results with a sentence, never exceptions.
public sealed class SafeFetcher : IDisposable
{
    private readonly FetchOptions _options;
    private readonly HttpClient _client;

    public SafeFetcher(FetchOptions? options = null)
    {
        _options = options ?? new FetchOptions();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // followed here, so each hop's scheme is checked too
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _options.Timeout,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("PolicyTracker/1.0 (+import)");
    }

    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (current.Scheme is not ("http" or "https"))
                {
                    return Fail(url, current, $"{current} is not an http or https address.");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        return Fail(url, current, $"{url} redirects more than {_options.MaxRedirects} times.");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Fail(url, current, $"{current} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
                }

                if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
                {
                    return Fail(url, current, $"{current} is {length / 1048576.0:0.0} MB; the limit is {_options.MaxBytes / 1048576.0:0.#} MB.");
                }

                var body = await ReadCappedAsync(response.Content, timeout.Token);
                if (body is null)
                {
                    return Fail(url, current, $"{current} is larger than the limit of {_options.MaxBytes / 1048576.0:0.#} MB.");
                }

                MediaTypeHeaderValue? type = response.Content.Headers.ContentType;
                return new FetchResult(url, current, type?.MediaType, type?.CharSet, body, null);
            }
        }
        catch (RefusedAddressException e)
        {
            return Fail(url, current, e.Message);
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
        {
            return Fail(url, current, refused.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fail(url, current, $"{current} did not answer within {_options.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return Fail(url, current, $"{current} could not be reached: {e.GetBaseException().Message}");
        }
    }

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > _options.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(Allowed).ToArray();
        if (allowed.Length == 0)
        {
            var shown = string.Join(", ", addresses.Select(a => a.ToString()));
            throw new RefusedAddressException(addresses.Length == 0
                ? $"{host} does not resolve to any address."
                : $"{host} resolves to {shown}: a loopback, private or link-local address, which the server does not fetch from (Fetching:AllowPrivateNetworks).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Connect to the address that was checked, never to a name resolved again.
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool Allowed(IPAddress address) =>
        _options.AddressAllowed?.Invoke(address) ?? (_options.AllowPrivateNetworks || IsPublic(address));

    // False for loopback, private (RFC 1918), carrier-grade NAT, link-local, unique-local, multicast,
    // unspecified, reserved and documentation ranges, in IPv4, IPv6 and IPv4-mapped IPv6.
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc // fc00::/7 unique local
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // 2001:db8::/32 documentation
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) // 64:ff9b::/96 NAT64 (may reach private IPv4)
                || (b[0] == 0x20 && b[1] == 0x02)); // 2002::/16 6to4 (embeds any IPv4)
        }

        return false;
    }

    private static FetchResult Fail(Uri url, Uri at, string error) => new(url, at, null, null, null, error);

    public void Dispose() => _client.Dispose();

    private sealed class RefusedAddressException(string message) : Exception(message);
}
