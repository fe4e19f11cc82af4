/// <summary>Exposes the entry point to WebApplicationFactory in tests.</summary>
public partial class Program;
