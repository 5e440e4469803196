namespace Herald.Smtp;

internal static class Placeholder
{
}
