using Herald.Core.Catalogue;

namespace Herald.Server.Configuration;

/// <summary>The catalogue with its layout, as configured: the one build start-up, <c>config check</c> and the CLI share.</summary>
public static class HeraldCatalogue
{
    public static CatalogueBuildResult Build(HeraldOptions options)
    {
        var errors = new List<string>();
        var layout = MailLayoutConfiguration.Load(options.Layout, errors);
        var result = CatalogueBuilder.Build(options.Catalogue, options.DefaultSender, options.Categories, layout);
        return errors.Count == 0 ? result : new CatalogueBuildResult(null, [.. result.Errors, .. errors]);
    }
}
