namespace Herald.Core.Catalogue;

public sealed record RenderedContent(string Subject, string Text, string? Html);
