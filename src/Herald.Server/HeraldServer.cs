namespace Herald.Server;

/// <summary>Placeholder until the host is built.</summary>
public static class HeraldServer
{
}
