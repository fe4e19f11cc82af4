using Microsoft.AspNetCore.Mvc;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Api;

/// <summary><c>GET /cluster/placement?mint=</c>: where a mint lives (its silo and replica), how many events its silo
/// holds against its durable manifest, and whether it is still catching up. For operators; not part of spin-server's API.</summary>
public static class ClusterApi
{
    /// <summary>Maps <c>/cluster/placement</c>.</summary>
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/cluster/placement", GetPlacementAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> GetPlacementAsync([FromQuery] string? mint, IGrainFactory grains)
    {
        var address = QueryParameters.Address(mint, "mint");
        var placement = await grains.GetGrain<IMintGrain>(address).GetPlacement();
        return Results.Json(new PlacementReport(placement.Mint, placement.Silo, placement.Replica, placement.LastSeq, placement.ManifestSeq, placement.Syncing));
    }

    /// <summary>The answer of <c>/cluster/placement</c>.</summary>
    public sealed record PlacementReport(string Mint, string Silo, string? Replica, long LastSeq, long ManifestSeq, bool Syncing);
}
