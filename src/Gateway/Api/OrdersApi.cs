using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Spin.Gateway.Json;
using Spin.Gateway.OpenApi;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Orders;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/mint_orders</c>: a mint's open orders on one side, in on-chain list order, with token fields
/// (which spin-server leaves empty here but fills in <c>/api/user_orders</c>).</summary>
public static class OrdersApi
{
    private static readonly DefaultData EmptyPage = new(w => WritePage(w, new OrderPage([], 0), OrderToken.Unknown, "", "", 0, 0));

    /// <summary>Maps the orders endpoint.</summary>
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/mint_orders", QueryOrders).WithTags("orders").WithName("QueryMintOrders").WithSummary("Open orders of one mint").WithMetadata(EmptyPage).Returns<MintOrdersPage>();
        return routes;
    }

    private static async Task<IResult> QueryOrders([FromQuery(Name = "mint"), Description("The mint, base58")] string? rawMint,
        [FromQuery(Name = "type"), Description("up_orders or down_orders")] string? rawType,
        [FromQuery(Name = "limit"), Description("Page size, 0-1000 (default 50)")] string? rawLimit,
        [FromQuery(Name = "page"), Description("1-based page (default 1)")] string? rawPage,
        IGrainFactory grains)
    {
        var mint = QueryParameters.Address(rawMint, "mint");
        if (rawType is not ("up_orders" or "down_orders"))
        {
            throw new BadRequestException("type parameter must be 'up_orders' or 'down_orders'");
        }

        var type = rawType;
        var limit = QueryParameters.Limit(rawLimit);
        var page = QueryParameters.Page(rawPage);
        var grain = grains.GetGrain<IMintGrain>(mint);
        var orders = await grain.GetOrders(type == "up_orders", page, limit);
        var token = OrderToken.From(await grain.GetDetails());
        return ApiResponse.Ok(w => WritePage(w, orders, token, type, mint, page, limit), orders.Syncing);
    }

    private static void WritePage(Utf8JsonWriter w, OrderPage result, OrderToken token, string type, string mint, int page, int limit)
    {
        w.WriteStartObject();
        w.WriteStartArray("orders");
        foreach (var order in result.Orders)
        {
            OrderJson.Write(w, order, token);
        }

        w.WriteEndArray();
        w.WriteNumber("total", result.Total);
        w.WriteString("order_type", type);
        w.WriteString("mint_account", mint);
        w.WriteNumber("page", page);
        w.WriteNumber("limit", limit);
        w.WriteBoolean("has_next", (long)page * limit < result.Total);
        w.WriteBoolean("has_prev", page > 1);
        w.WriteEndObject();
    }
}
