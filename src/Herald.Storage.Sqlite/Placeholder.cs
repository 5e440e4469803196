namespace Herald.Storage.Sqlite;

internal static class Placeholder
{
}
