using System.Text.Json;

namespace Spin.Silo.Ingest;

/// <summary>What the chain listener of this process is doing.</summary>
public enum ListenerState
{
    /// <summary><c>Spin:Chain:ListenerEnabled</c> is false.</summary>
    Disabled,

    /// <summary>Enabled, but another silo holds the listener lease (cluster mode), or it could not be asked.</summary>
    StandingBy,

    /// <summary>Subscribed and reconciling.</summary>
    Running,

    /// <summary>Enabled and not running: not started yet, or shutting down.</summary>
    Stopped,
}

/// <summary>How health reports name a <see cref="ListenerState"/>.</summary>
public static class ListenerStateNames
{
    /// <summary><c>disabled</c>, <c>standing_by</c>, <c>running</c> or <c>stopped</c>.</summary>
    public static string ToReportName(this ListenerState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());
}
