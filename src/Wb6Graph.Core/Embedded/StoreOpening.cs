using Microsoft.Data.Sqlite;

namespace Wb6Graph.Embedded;

/// <summary>The embedded store cannot be opened, read or written: the message names the file, the setting and the remedy.</summary>
public sealed class StoreOpenException(string message, Exception? inner = null) : IOException(message, inner);

/// <summary>
/// Opening the SQLite file with messages an operator can act on. SQLite itself says "file is not a database" or
/// "attempt to write a readonly database" without a path; and it takes an empty file for a new database, so a
/// truncated file used to start as an empty graph without a word.
/// </summary>
internal static class StoreOpening
{
    public static EmbeddedGraphStore Open(EmbeddedStoreOptions options, IProgress<double>? progress, Func<EmbeddedStoreOptions, EmbeddedGraphStore> open)
    {
        if (options.InMemory) return open(options);
        var path = Path.GetFullPath(Path.Combine(options.DataDirectory, options.FileName));
        var where = $"{path} ({options.DataDirectorySetting}={options.DataDirectory})";
        if (File.Exists(path) && new FileInfo(path).Length == 0) return Corrupt(options, path, where, "the file is empty (0 bytes)", open);
        try
        {
            return open(options);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        {
            return Corrupt(options, path, where, $"SQLite cannot read it ({e.Message.TrimEnd('.')})", open);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException && e is not StoreOpenException)
        {
            throw new StoreOpenException($"The embedded store cannot use {where}: {Reason(e)}. Fix that, or point {options.DataDirectorySetting} elsewhere.", e);
        }
    }

    private static EmbeddedGraphStore Corrupt(EmbeddedStoreOptions options, string path, string where, string reason, Func<EmbeddedStoreOptions, EmbeddedGraphStore> open)
    {
        var aside = $"{path}.corrupt-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
        if (options.OnCorruptDatabase != CorruptDatabase.StartFresh)
            throw new StoreOpenException(
                $"The database {where} is not a database this store can read: {reason}. Nothing was changed. Restore it from a backup, " +
                $"or start with an empty graph keeping this file aside as {Path.GetFileName(aside)} by setting GraphStore:OnCorruptDatabase=StartFresh.");
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix);
        var store = open(options);
        store.KeptAside(aside);
        return store;
    }

    private static string Reason(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 8 } => "it cannot be written (the file or its folder is read-only)",
        SqliteException { SqliteErrorCode: 14 } => "it cannot be opened (a missing or unwritable folder, or a folder in the file's place)",
        SqliteException { SqliteErrorCode: 13 } => "the disk is full",
        SqliteException { SqliteErrorCode: 5 or 6 } => "another process holds it locked",
        SqliteException s => $"SQLite error {s.SqliteErrorCode}: {s.Message.TrimEnd('.')}",
        UnauthorizedAccessException => $"access is denied ({e.Message.TrimEnd('.')})",
        _ => e.Message.TrimEnd('.'),
    };
}
