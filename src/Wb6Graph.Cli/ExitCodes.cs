namespace Wb6Graph.Cli;

/// <summary>What <c>wb6graph</c> returns; scripts and CI branch on these.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input is wrong: seed validation errors, a malformed import file, a refused write.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line is wrong: unknown verb or option, a missing or out-of-range value.</summary>
    public const int Usage = 2;

    /// <summary>The store or the file system failed (or the run was interrupted).</summary>
    public const int StoreError = 3;

    public const string Help = """
        Exit codes:
          0  ok
          1  invalid input (validation errors, malformed import)
          2  usage error (unknown verb or option, bad value)
          3  store or I/O error
        """;
}
