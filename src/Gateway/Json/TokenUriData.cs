using System.Text.Json;

namespace Spin.Gateway.Json;

/// <summary>spin-server's TokenUriData: the nine fields it reads from a token's metadata document, each null when the
/// document lacks it or holds another type there.</summary>
public sealed record TokenUriData(string? Name, string? Symbol, string? Description, string? Image, bool? ShowName, string? CreatedOn,
    string? Twitter, string? Website, string? Telegram)
{
    /// <summary>Reads the fields from a fetched document; null when there is none or it is not a JSON object (spin-server
    /// keeps no uri_data for such a document either).</summary>
    public static TokenUriData? Parse(string? document)
    {
        if (document is null)
        {
            return null;
        }

        using var parsed = JsonDocument.Parse(document);
        var root = parsed.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var showName = root.TryGetProperty("showName", out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : (bool?)null;
        return new TokenUriData(Text(root, "name"), Text(root, "symbol"), Text(root, "description"), Text(root, "image"), showName,
            Text(root, "createdOn"), Text(root, "twitter"), Text(root, "website"), Text(root, "telegram"));
    }

    /// <summary>Writes <paramref name="data"/> as the property <paramref name="name"/>: every field in spin-server's order,
    /// or null.</summary>
    public static void Write(Utf8JsonWriter w, string name, TokenUriData? data)
    {
        if (data is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        String(w, "name", data.Name);
        String(w, "symbol", data.Symbol);
        String(w, "description", data.Description);
        String(w, "image", data.Image);
        if (data.ShowName is { } show)
        {
            w.WriteBoolean("showName", show);
        }
        else
        {
            w.WriteNull("showName");
        }

        String(w, "createdOn", data.CreatedOn);
        String(w, "twitter", data.Twitter);
        String(w, "website", data.Website);
        String(w, "telegram", data.Telegram);
        w.WriteEndObject();
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
