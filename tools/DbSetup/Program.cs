using Spin.DbSetup;

if (!DbSetupCommandLine.TryParse(args, out var commandLine, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(DbSetupCommandLine.Usage);
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.WriteLine(DbSetupCommandLine.Usage);
    return 0;
}

try
{
    await SchemaSetup.RunAsync(commandLine.ConnectionString, commandLine.CreateDatabase, Console.Out, CancellationToken.None);
    return 0;
}
catch (SchemaSetupException e)
{
    Console.Error.WriteLine($"Spin.DbSetup failed: {e.Message}");
    return 1;
}
