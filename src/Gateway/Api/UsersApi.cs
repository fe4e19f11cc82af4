using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Spin.Gateway.Json;
using Spin.Gateway.OpenApi;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Orders;
using Spin.Grains.Interfaces.Users;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/user_event</c> and <c>GET /api/user_orders</c>: a user's history (every event the user paid
/// for, and liquidations of the user's orders) and open orders across mints, with token fields filled in.</summary>
public static class UsersApi
{
    private static readonly DefaultData EmptyEvents = new(w => WriteEvents(w, new UserEventPage([], 0), 0, 0, "", null));
    private static readonly DefaultData EmptyOrders = new(w => WriteOrders(w, [], 0, "", null, 0, 0, new Dictionary<string, OrderToken>()));

    /// <summary>Maps the two endpoints.</summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/user_event", QueryEvents).WithTags("user").WithName("QueryUserEvents").WithSummary("A user's event history").WithMetadata(EmptyEvents).Returns<UserEventsPage>();
        routes.MapGet("/api/user_orders", QueryOrders).WithTags("user").WithName("QueryUserOrders").WithSummary("A user's open orders").WithMetadata(EmptyOrders).Returns<UserOrdersPage>();
        return routes;
    }

    private static async Task<IResult> QueryEvents([FromQuery(Name = "user"), Description("The user, base58")] string? rawUser,
        [FromQuery(Name = "mint"), Description("Optional: only this mint, base58")] string? rawMint,
        [FromQuery(Name = "limit"), Description("Page size, 0-1000 (default 50)")] string? rawLimit,
        [FromQuery(Name = "page"), Description("1-based page (default 1)")] string? rawPage,
        [FromQuery(Name = "order_by"), Description("slot_desc (default) or slot_asc")] string? rawOrderBy,
        IGrainFactory grains)
    {
        var user = QueryParameters.Address(rawUser, "user");
        var mint = string.IsNullOrEmpty(rawMint) ? null : QueryParameters.Address(rawMint, "mint");
        var limit = QueryParameters.Limit(rawLimit);
        var page = QueryParameters.Page(rawPage);
        var orderBy = QueryParameters.OneOf(rawOrderBy, "order_by", "slot_desc", "slot_asc", "slot_desc");
        var result = await grains.GetGrain<IUserGrain>(user).GetEvents(mint, page, limit, orderBy == "slot_desc");
        return ApiResponse.Ok(w => WriteEvents(w, result, page, limit, user, mint), result.Syncing);
    }

    private static async Task<IResult> QueryOrders([FromQuery(Name = "user"), Description("The user, base58")] string? rawUser,
        [FromQuery(Name = "mint"), Description("Optional: only this mint, base58")] string? rawMint,
        [FromQuery(Name = "limit"), Description("Page size, 0-1000 (default 50)")] string? rawLimit,
        [FromQuery(Name = "page"), Description("1-based page (default 1)")] string? rawPage,
        [FromQuery(Name = "order_by"), Description("start_time_desc (default) or start_time_asc")] string? rawOrderBy,
        IGrainFactory grains)
    {
        var user = QueryParameters.Address(rawUser, "user");
        var mint = string.IsNullOrEmpty(rawMint) ? null : QueryParameters.Address(rawMint, "mint");
        var limit = QueryParameters.Limit(rawLimit);
        var page = QueryParameters.Page(rawPage);
        var orderBy = QueryParameters.OneOf(rawOrderBy, "order_by", "start_time_desc", "start_time_asc", "start_time_desc");
        var found = await grains.GetGrain<IUserGrain>(user).GetOrders(mint);
        var all = found.Orders;
        var sorted = orderBy == "start_time_asc" ? all.OrderBy(o => o.StartTime).ToList() : all.OrderByDescending(o => o.StartTime).ToList();
        var pageOrders = sorted.Skip((int)Math.Min((long)(page - 1) * limit, int.MaxValue)).Take(limit).ToList();
        var tokens = await Task.WhenAll(pageOrders.Select(o => o.Mint).Distinct().Select(async m => (m, OrderToken.From(await grains.GetGrain<IMintGrain>(m).GetDetails()))));
        var byMint = tokens.ToDictionary(t => t.m, t => t.Item2);
        return ApiResponse.Ok(w => WriteOrders(w, pageOrders, sorted.Count, user, mint, page, limit, byMint), found.Syncing);
    }

    private static void WriteEvents(Utf8JsonWriter w, UserEventPage result, int page, int limit, string user, string? mint)
    {
        w.WriteStartObject();
        w.WriteStartArray("transactions");
        foreach (var item in result.Events)
        {
            w.WriteStartObject();
            w.WriteString("event_type", JsonNamingPolicy.SnakeCaseLower.ConvertName(item.Event.Body.Type.ToString()));
            w.WriteString("user", user);
            w.WriteString("mint_account", item.Mint);
            w.WriteNumber("slot", item.Event.Slot);
            w.WriteNumber("timestamp", item.Event.BlockTime);
            w.WriteString("signature", item.Event.Id.Signature);
            w.WriteStartObject("event_data");
            SpinEventJson.WriteFields(w, item.Event.Body);
            SpinEventJson.WriteChainFields(w, item.Event);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("total", result.Total);
        WritePaging(w, page, limit, result.Total);
        w.WriteString("user", user);
        WriteMint(w, mint);
        w.WriteEndObject();
    }

    private static void WriteOrders(Utf8JsonWriter w, IReadOnlyList<MarginOrder> orders, long total, string user, string? mint, int page, int limit,
        IReadOnlyDictionary<string, OrderToken> tokens)
    {
        w.WriteStartObject();
        w.WriteStartArray("orders");
        foreach (var order in orders)
        {
            OrderJson.Write(w, order, tokens.GetValueOrDefault(order.Mint, OrderToken.Unknown));
        }

        w.WriteEndArray();
        w.WriteNumber("total", total);
        w.WriteString("user", user);
        WriteMint(w, mint);
        WritePaging(w, page, limit, total);
        w.WriteEndObject();
    }

    private static void WritePaging(Utf8JsonWriter w, int page, int limit, long total)
    {
        w.WriteNumber("page", page);
        w.WriteNumber("limit", limit);
        w.WriteBoolean("has_next", (long)page * limit < total);
        w.WriteBoolean("has_prev", page > 1);
    }

    private static void WriteMint(Utf8JsonWriter w, string? mint)
    {
        if (mint is null) { w.WriteNull("mint_account"); } else { w.WriteString("mint_account", mint); }
    }
}
