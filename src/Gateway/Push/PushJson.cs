using System.Buffers;
using System.Text.Json;
using Spin.Gateway.Api;
using Spin.Gateway.Json;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;

namespace Spin.Gateway.Push;

/// <summary>Events and candles as the HTTP API writes them, rendered once per gateway and shared by every message.</summary>
internal static class PushJson
{
    public static JsonElement Event(ChainEvent chainEvent) => Render(w => SpinEventJson.Write(w, chainEvent));

    public static JsonElement Candle(Candle candle, CandleInterval interval, long now) => Render(w => KlineApi.WriteCandle(w, candle, interval, now));

    private static JsonElement Render(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }
}
