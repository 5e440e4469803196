using Fluid;

namespace Herald.Core.Catalogue;

/// <summary>The parsed subject, text and optional HTML templates of one type.</summary>
public sealed record TemplateSet(IFluidTemplate Subject, IFluidTemplate Text, IFluidTemplate? Html);
