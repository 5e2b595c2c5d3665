namespace Wb6Graph.Cli;

// An explicit entry point in our namespace: the API's top-level Program is what its tests name.
internal static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error, Console.OpenStandardOutput);
}
