namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>A node of a parsed Go template. <see cref="Pos"/> is the character offset in the template text.</summary>
internal abstract record TemplateNode(int Pos);

internal sealed record ListNode(int Pos, List<TemplateNode> Nodes) : TemplateNode(Pos);

internal sealed record TextNode(int Pos, string Text) : TemplateNode(Pos);

internal sealed record ActionNode(int Pos, PipeNode Pipe) : TemplateNode(Pos);

internal enum ControlKind { If, Range, With }

internal sealed record ControlNode(int Pos, ControlKind Control, PipeNode Pipe, ListNode List, ListNode? ElseList) : TemplateNode(Pos);

internal sealed record TemplateCallNode(int Pos, string Name, PipeNode? Pipe) : TemplateNode(Pos);

internal sealed record BreakNode(int Pos) : TemplateNode(Pos);

internal sealed record ContinueNode(int Pos) : TemplateNode(Pos);

/// <summary>A pipeline: optional variable declarations, then commands joined by '|'.</summary>
internal sealed record PipeNode(int Pos, bool IsAssign, List<VariableNode> Decl, List<CommandNode> Cmds, string Source) : TemplateNode(Pos);

internal sealed record CommandNode(int Pos, List<TemplateNode> Args, string Source) : TemplateNode(Pos);

/// <summary>A function name used as a command or argument.</summary>
internal sealed record IdentifierNode(int Pos, string Name) : TemplateNode(Pos);

/// <summary><c>$x.Field1.Field2</c>: a variable name followed by field names.</summary>
internal sealed record VariableNode(int Pos, string[] Ident) : TemplateNode(Pos);

internal sealed record DotNode(int Pos) : TemplateNode(Pos);

internal sealed record NilNode(int Pos) : TemplateNode(Pos);

/// <summary><c>.Field1.Field2</c>.</summary>
internal sealed record FieldNode(int Pos, string[] Ident) : TemplateNode(Pos);

/// <summary>A term followed by field accesses: <c>(pipeline).Field</c>.</summary>
internal sealed record ChainNode(int Pos, TemplateNode Node, string[] Field) : TemplateNode(Pos);

internal sealed record BoolNode(int Pos, bool Value) : TemplateNode(Pos);

/// <summary>A numeric constant: an integer when <see cref="IsInt"/>, otherwise a float.</summary>
internal sealed record NumberNode(int Pos, bool IsInt, long IntValue, double FloatValue, string Text) : TemplateNode(Pos);

internal sealed record StringNode(int Pos, string Value, string Quoted) : TemplateNode(Pos);
