using System.Text.Json;
using Spin.Chain.Binary;
using Spin.Gateway.Json;
using Spin.Gateway.OpenApi;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Api;

/// <summary><c>POST /api/details</c> <c>{"mints":[...]}</c>: details of known mints, in request order.</summary>
public static class DetailsApi
{
    private static readonly DefaultData Empty = new(w => WriteDetails(w, []));

    /// <summary>Maps the details endpoint.</summary>
    public static IEndpointRouteBuilder MapDetailsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/details", QueryDetails).WithTags("mints").WithName("QueryMintDetails").WithSummary("Details of up to 1000 mints").WithMetadata(Empty).Returns<DetailsData>().WithJsonBody<DetailsRequest>();
        return routes;
    }

    private static async Task<IResult> QueryDetails(HttpRequest request, IGrainFactory grains)
    {
        var mints = await ReadMintsAsync(request);
        var known = await Task.WhenAll(mints.Distinct().Select(async m => (Mint: m, Details: await grains.GetGrain<IMintGrain>(m).GetDetails())));
        var byMint = known.Where(k => k.Details is not null).ToDictionary(k => k.Mint, k => k.Details!);
        var details = mints.Where(byMint.ContainsKey).Select(m => byMint[m]).ToList();
        return ApiResponse.Ok(w => WriteDetails(w, details));
    }

    private static async Task<List<string>> ReadMintsAsync(HttpRequest request)
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

            return list.EnumerateArray().Select((m, i) => m.ValueKind == JsonValueKind.String && PublicKey.IsValid(m.GetString())
                ? m.GetString()!
                : throw new BadRequestException($"mints[{i}] must be a base58 address of 32 bytes")).ToList();
        }
    }

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
