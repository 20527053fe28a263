using System.Reflection;
using System.Reflection.Emit;

namespace WithUs.Tests.Architecture;

/// <summary>
/// Which parts of a program (a feature, Infrastructure) use which others, read from the compiled types: their
/// signatures, attributes and the IL of every method body, which is where both <c>using</c> lines and fully qualified
/// names end up. Reflection alone, so no package has to be kept in step with the compiler.
/// </summary>
public sealed class PartDependencies
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                          BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Dictionary<(string From, string To), HashSet<(Type From, Type To)>> edges = [];

    private PartDependencies()
    {
    }

    /// <summary>Every use of one part by another, with the pairs of types that make it.</summary>
    public IReadOnlyDictionary<(string From, string To), HashSet<(Type From, Type To)>> Edges => edges;

    /// <param name="types">The types to read.</param>
    /// <param name="partOf">The part a type belongs to, or null for a type that belongs to none (the framework,
    /// the composition root).</param>
    public static PartDependencies Read(IEnumerable<Type> types, Func<Type, string?> partOf)
    {
        var result = new PartDependencies();
        foreach (var type in types)
        {
            var from = partOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var used in UsedBy(type))
            {
                var to = partOf(used);
                if (to is not null && to != from)
                {
                    var key = (from, to);
                    if (!result.edges.TryGetValue(key, out var evidence))
                    {
                        result.edges[key] = evidence = [];
                    }

                    evidence.Add((type, used));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Groups of parts that use each other, directly or round a loop (Tarjan's strongly connected components), each
    /// sorted by name.
    /// </summary>
    /// <param name="only">The parts to consider.</param>
    /// <param name="ignoring">Uses to leave out, such as a deliberate use against the usual direction.</param>
    public IReadOnlyList<IReadOnlyList<string>> Cycles(Func<string, bool> only,
        IReadOnlyCollection<(string From, string To)>? ignoring = null)
    {
        var graph = edges.Keys
            .Where(e => only(e.From) && only(e.To) && !(ignoring?.Contains(e) ?? false))
            .GroupBy(e => e.From, e => e.To)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList());
        var nodes = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();

        var index = new Dictionary<string, int>();
        var lowLink = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = lowLink[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    lowLink[node] = Math.Min(lowLink[node], lowLink[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLink[node] = Math.Min(lowLink[node], nextIndex);
                }
            }

            if (lowLink[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    cycles.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return cycles;
    }

    /// <summary>The uses inside one cycle, each with a few of the types that make it, in words.</summary>
    public string Describe(IReadOnlyList<string> cycle) => string.Join("\n", edges
        .Where(e => cycle.Contains(e.Key.From) && cycle.Contains(e.Key.To))
        .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
        .Select(e => $"  {e.Key.From} -> {e.Key.To}: {string.Join("; ", Describe(e.Value).Take(5))}"));

    public static IEnumerable<string> Describe(IEnumerable<(Type From, Type To)> uses) =>
        uses.Select(u => $"{Name(u.From)} uses {Name(u.To)}").Order(StringComparer.Ordinal);

    private static string Name(Type type) => type.FullName ?? type.Name;

    private static HashSet<Type> UsedBy(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsConstructedGenericType)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        void AddAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(a => a.TypedValue)))
                {
                    Add(argument.Value as Type);
                }
            }
        }

        Add(type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract);
        }

        AddAttributes(type.GetCustomAttributesData());
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
            AddAttributes(field.GetCustomAttributesData());
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
            AddAttributes(property.GetCustomAttributesData());
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
                AddAttributes(parameter.GetCustomAttributesData());
            }

            AddAttributes(method.GetCustomAttributesData());
            foreach (var used in UsedInBody(method))
            {
                Add(used);
            }
        }

        return found;
    }

    /// <summary>The types a method body names: its locals, and every type, method and field its IL refers to.</summary>
    private static IEnumerable<Type?> UsedInBody(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at++]));
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    foreach (var used in TypesOf(member))
                    {
                        yield return used;
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static IEnumerable<Type?> TypesOf(MemberInfo? member)
    {
        switch (member)
        {
            case Type type:
                yield return type;
                break;
            case FieldInfo field:
                yield return field.DeclaringType;
                yield return field.FieldType;
                break;
            case MethodBase method:
                yield return method.DeclaringType;
                if (method is MethodInfo info)
                {
                    yield return info.ReturnType;
                }

                if (method.IsGenericMethod)
                {
                    foreach (var argument in method.GetGenericArguments())
                    {
                        yield return argument;
                    }
                }

                foreach (var parameter in method.GetParameters())
                {
                    yield return parameter.ParameterType;
                }

                break;
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
