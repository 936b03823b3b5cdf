using TicketFlow.Server.CommandLine;

// Thin entry point: everything, including the web host's future `serve` command, is a command of the command line.
return await TicketFlowCommandLine.RunAsync(args, Console.Out, Console.Error);
