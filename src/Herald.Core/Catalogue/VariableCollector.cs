using Fluid;
using Fluid.Ast;

namespace Herald.Core.Catalogue;

/// <summary>Finds the root variable names a template reads, so unknown variables fail at start-up, not at send.</summary>
internal sealed class VariableCollector : AstVisitor
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _locals = new(StringComparer.Ordinal) { "forloop" };

    public static IReadOnlySet<string> Collect(IFluidTemplate template)
    {
        var collector = new VariableCollector();
        collector.VisitTemplate(template);
        collector._names.ExceptWith(collector._locals);
        return collector._names;
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment root)
        {
            _names.Add(root.Identifier);
        }

        return base.VisitMemberExpression(memberExpression);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        _locals.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        _locals.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }
}
