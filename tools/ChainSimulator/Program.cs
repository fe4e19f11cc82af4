using Spin.ChainSimulator;

// A stand-in Solana validator for the SpinPet program: JSON-RPC on --port, PubSub on --port + 1.
var app = SimulatorApp.Build(args);
app.Run();
