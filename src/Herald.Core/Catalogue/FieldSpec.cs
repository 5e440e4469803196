namespace Herald.Core.Catalogue;

public sealed record FieldSpec(string Name, bool Required, bool Secret);
