using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Spin.Grains.Interfaces.Events;

namespace Spin.Chain.Tests.SpinPet;

/// <summary>Events and transaction logs encoded by @coral-xyz/anchor from the IDL (see tests/fixtures/generate-event-fixtures.mjs).</summary>
public static class AnchorFixtures
{
    /// <summary>One anchor-encoded event: its IDL name, payload and field values (integers as decimal strings).</summary>
    public sealed record EventFixture(string Name, string Base64, Dictionary<string, JsonElement> Fields)
    {
        public byte[] Bytes => Convert.FromBase64String(Base64);

        public override string ToString() => $"{Name} {Base64[8..24]}";
    }

    /// <summary>A transaction log, the events SpinPet emitted in it, and what became of each SpinPet data line.</summary>
    public sealed record LogFixture(
        string Name, bool AnchorEventParserAgrees, string? Note, List<string> Logs, bool Truncated, List<ExpectedEvent> Expected,
        Dictionary<string, long> Outcomes)
    {
        public override string ToString() => Name;
    }

    /// <summary>A decodable event SpinPet emitted, at its index among SpinPet's data lines.</summary>
    public sealed record ExpectedEvent(int Index, string Name, string Base64);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<EventFixture> Events { get; } = Load<List<EventFixture>>("anchor-events.json");

    public static IReadOnlyList<LogFixture> Logs { get; } = Load<List<LogFixture>>("anchor-logs.json");

    /// <summary>The first fixture of an event type whose string field has the given value.</summary>
    public static EventFixture Find(string name, string field, string value) =>
        Events.First(e => e.Name == name && e.Fields[field].ValueKind == JsonValueKind.String && e.Fields[field].GetString() == value);

    /// <summary>The event's fields under their IDL names, as the fixtures write them.</summary>
    public static SortedDictionary<string, string> FieldsOf(SpinEvent value)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (property.Name != nameof(SpinEvent.Type))
            {
                var field = property.GetValue(value);
                fields[IdlName(property.Name)] = field is bool flag ? (flag ? "true" : "false") : Convert.ToString(field, CultureInfo.InvariantCulture)!;
            }
        }

        return fields;
    }

    /// <summary>The fixture's fields as strings.</summary>
    public static SortedDictionary<string, string> FieldsOf(EventFixture fixture) =>
        new(fixture.Fields.ToDictionary(p => p.Key, p => p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? p.Value.GetBoolean() ? "true" : "false"
            : p.Value.GetString()!), StringComparer.Ordinal);

    private static string IdlName(string member)
    {
        // The order's own mint is the IDL field `mint`; the event's mint is `mint_account`.
        if (member == "OrderMint")
        {
            return "mint";
        }

        var name = new StringBuilder();
        foreach (var c in member)
        {
            name.Append(char.IsUpper(c) && name.Length > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString());
        }

        return name.ToString();
    }

    private static T Load<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)), Json)!;
}
