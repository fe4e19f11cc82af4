using System.Text.Json;
using Spin.Gateway.Json;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Orders;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/mint_orders</c>: a mint's open orders on one side, in on-chain list order, with token fields.</summary>
public static class OrdersApi
{
    private static readonly DefaultData EmptyPage = new(w => WritePage(w, new OrderPage([], 0), null, "", "", 0, 0));

    /// <summary>Maps the orders endpoint.</summary>
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/mint_orders", QueryOrders).WithTags("orders").WithName("QueryMintOrders").WithSummary("Open orders of one mint").WithMetadata(EmptyPage);
        return routes;
    }

    private static async Task<IResult> QueryOrders(HttpRequest request, IGrainFactory grains)
    {
        var query = request.Query;
        var mint = QueryParameters.Address(query["mint"], "mint");
        if (query["type"].ToString() is not ("up_orders" or "down_orders"))
        {
            throw new BadRequestException("type parameter must be 'up_orders' or 'down_orders'");
        }

        var type = query["type"].ToString();
        var limit = QueryParameters.Limit(query["limit"]);
        var page = QueryParameters.Page(query["page"]);
        var grain = grains.GetGrain<IMintGrain>(mint);
        var orders = await grain.GetOrders(type == "up_orders", page, limit);
        var token = await grain.GetDetails();
        return ApiResponse.Ok(w => WritePage(w, orders, token, type, mint, page, limit));
    }

    private static void WritePage(Utf8JsonWriter w, OrderPage result, MintDetails? token, string type, string mint, int page, int limit)
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
