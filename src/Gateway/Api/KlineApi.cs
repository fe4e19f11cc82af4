using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Spin.Gateway.OpenApi;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/kline</c>: a mint's candles, spin-server compatible, with more intervals, real volume,
/// valid OHLC, <c>is_final</c>, optional <c>from</c>/<c>to</c> (Unix seconds) and <c>fill_gaps</c>.</summary>
public static class KlineApi
{
    private static readonly string IntervalMessage = $"interval parameter must be one of: {string.Join(", ", CandleIntervals.Names)}";
    private static readonly DefaultData EmptyPage = new(w => WritePage(w, [], 0, 0, 0, "", "", default, 0));

    /// <summary>Maps the kline endpoint.</summary>
    public static IEndpointRouteBuilder MapKlineApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/kline", QueryKline).WithTags("kline").WithName("QueryKline").WithSummary("Candles of one mint").WithMetadata(EmptyPage).Returns<KlinePage>();
        return routes;
    }

    private static async Task<IResult> QueryKline([FromQuery(Name = "mint"), Description("The mint, base58")] string? rawMint,
        [FromQuery(Name = "interval"), Description("s1, s30, m1, m5, m15, h1, h4 or d1")] string? rawInterval,
        [FromQuery(Name = "limit"), Description("Page size, 0-1000 (default 50)")] string? rawLimit,
        [FromQuery(Name = "page"), Description("1-based page (default 1)")] string? rawPage,
        [FromQuery(Name = "order_by"), Description("time_desc (default) or time_asc")] string? rawOrderBy,
        [FromQuery(Name = "from"), Description("Optional first bucket time, Unix seconds")] string? rawFrom,
        [FromQuery(Name = "to"), Description("Optional last bucket time, Unix seconds")] string? rawTo,
        [FromQuery(Name = "fill_gaps"), Description("true to include empty buckets carrying the previous close (default false)")] string? rawFillGaps,
        IGrainFactory grains, TimeProvider clock)
    {
        var mint = QueryParameters.Address(rawMint, "mint");
        if (string.IsNullOrEmpty(rawInterval) || !CandleIntervals.TryParse(rawInterval, out var interval))
        {
            throw new BadRequestException(IntervalMessage);
        }

        var limit = QueryParameters.Limit(rawLimit);
        var page = QueryParameters.Page(rawPage);
        var orderBy = QueryParameters.OneOf(rawOrderBy, "order_by", "time_desc", "time_asc", "time_desc");
        var from = QueryParameters.OptionalTime(rawFrom, "from");
        var to = QueryParameters.OptionalTime(rawTo, "to");
        if (from > to)
        {
            throw new BadRequestException("from must not be after to");
        }

        var fillGaps = QueryParameters.OneOf(rawFillGaps, "fill_gaps", "false", "true", "false") == "true";
        var result = await grains.GetGrain<IMintGrain>(mint).GetCandles(new CandleQuery(interval, page, limit, orderBy == "time_desc", from, to, fillGaps));
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return ApiResponse.Ok(w => WritePage(w, result.Candles, result.Total, page, limit, interval.Name(), mint, interval, now), result.Syncing);
    }

    private static void WritePage(Utf8JsonWriter w, IReadOnlyList<Candle> candles, long total, int page, int limit,
        string intervalName, string mint, CandleInterval interval, long now)
    {
        w.WriteStartObject();
        w.WriteStartArray("klines");
        foreach (var candle in candles)
        {
            WriteCandle(w, candle, interval, now);
        }

        w.WriteEndArray();
        w.WriteNumber("total", total);
        w.WriteNumber("page", page);
        w.WriteNumber("limit", limit);
        w.WriteBoolean("has_next", (long)page * limit < total);
        w.WriteBoolean("has_prev", page > 1);
        w.WriteString("interval", intervalName);
        w.WriteString("mint_account", mint);
        w.WriteEndObject();
    }

    /// <summary>Writes a candle as spin-server's KlineData: prices in SOL per token as doubles, volume in SOL.</summary>
    public static void WriteCandle(Utf8JsonWriter w, Candle candle, CandleInterval interval, long now)
    {
        w.WriteStartObject();
        w.WriteNumber("time", candle.Time);
        w.WriteNumber("open", Price(candle.Open));
        w.WriteNumber("high", Price(candle.High));
        w.WriteNumber("low", Price(candle.Low));
        w.WriteNumber("close", Price(candle.Close));
        w.WriteNumber("volume", candle.VolumeLamports / 1e9);
        w.WriteBoolean("is_final", candle.Time + interval.Seconds() <= now);
        w.WriteNumber("update_count", candle.UpdateCount);
        w.WriteEndObject();
    }

    /// <summary>u128 / 1e28 as the nearest double, without spin-server's 12-decimal rounding.</summary>
    public static double Price(UInt128 raw) => (double)raw / 1e28;
}
