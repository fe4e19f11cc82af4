using System.Text.Json;
using Spin.Chain.Binary;
using Spin.Gateway.Json;
using Spin.Gateway.OpenApi;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Api;

/// <summary><c>POST /api/details</c> <c>{"mints":[...]}</c>: details of known mints, in request order. As spin-server
/// does, a mint that is not a base58 address is left out of the answer rather than failing the others; the message
/// names it.</summary>
public static class DetailsApi
{
    private const int MaxNamed = 10;
    private const int MaxShownLength = 50;

    private static readonly DefaultData Empty = new(w => WriteDetails(w, []));

    /// <summary>Maps the details endpoint.</summary>
    public static IEndpointRouteBuilder MapDetailsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/details", QueryDetails).WithTags("mints").WithName("QueryMintDetails").WithSummary("Details of up to 1000 mints").WithMetadata(Empty).Returns<DetailsData>().WithJsonBody<DetailsRequest>();
        return routes;
    }

    private static async Task<IResult> QueryDetails(HttpRequest request, IGrainFactory grains)
    {
        var entries = await ReadMintsAsync(request);
        var mints = entries.Where(e => PublicKey.IsValid(e.Mint)).Select(e => e.Mint).ToList();
        var malformed = entries.Where(e => !PublicKey.IsValid(e.Mint)).ToList();
        if (mints.Count == 0)
        {
            throw new BadRequestException($"mints[{malformed[0].Index}] must be a base58 address of 32 bytes");
        }

        var known = await Task.WhenAll(mints.Distinct().Select(async m => (Mint: m, Details: await grains.GetGrain<IMintGrain>(m).GetDetails())));
        var byMint = known.Where(k => k.Details is not null).ToDictionary(k => k.Mint, k => k.Details!);
        var details = mints.Where(byMint.ContainsKey).Select(m => byMint[m]).ToList();
        return malformed.Count == 0 ? ApiResponse.Ok(w => WriteDetails(w, details)) : ApiResponse.Ok(w => WriteDetails(w, details), LeftOut(malformed));
    }

    private static async Task<List<(int Index, string Mint)>> ReadMintsAsync(HttpRequest request)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            throw new BadRequestException("request body must be JSON: {\"mints\": [\"<mint>\", ...]}");
        }

        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("mints", out var list)
                || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                throw new BadRequestException("mints parameter cannot be empty");
            }

            if (list.GetArrayLength() > QueryParameters.MaxLimit)
            {
                throw new BadRequestException("mints cannot contain more than 1000 entries");
            }

            // Only strings can be left out: spin-server too rejects a list with anything else in it.
            return list.EnumerateArray().Select((m, i) => m.ValueKind == JsonValueKind.String
                ? (i, m.GetString()!)
                : throw new BadRequestException($"mints[{i}] must be a base58 address of 32 bytes")).ToList();
        }
    }

    private static string LeftOut(List<(int Index, string Mint)> malformed)
    {
        var named = malformed.Take(MaxNamed).Select(m => $"mints[{m.Index}] '{Shown(m.Mint)}'");
        var more = malformed.Count > MaxNamed ? $" and {malformed.Count - MaxNamed} more" : "";
        return $"{ApiResponse.SuccessMessage}; left out, not base58 addresses of 32 bytes: {string.Join(", ", named)}{more}";
    }

    private static string Shown(string mint) => mint.Length <= MaxShownLength ? mint : mint[..MaxShownLength] + "…";

    private static void WriteDetails(Utf8JsonWriter w, IReadOnlyList<MintDetails> details)
    {
        w.WriteStartObject();
        w.WriteStartArray("details");
        foreach (var detail in details)
        {
            DetailsJson.Write(w, detail);
        }

        w.WriteEndArray();
        w.WriteNumber("total", details.Count);
        w.WriteEndObject();
    }
}
