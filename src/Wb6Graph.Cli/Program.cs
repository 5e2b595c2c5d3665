using Wb6Graph.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, Console.OpenStandardOutput);
