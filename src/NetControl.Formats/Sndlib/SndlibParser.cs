using NetControl.Core.Topology;

namespace NetControl.Formats.Sndlib;

/// <summary>
/// Reads the sections of an SNDlib native file into a <see cref="SndlibDocument"/>. A bad value is reported through
/// the builder and parsing goes on; a broken structure (a missing parenthesis, the file ending inside a section)
/// throws <see cref="SndlibSyntaxException"/>.
/// </summary>
internal sealed class SndlibParser(string text, string? file, TopologyBuilder builder)
{
    private static readonly string[] Sections = ["META", "NODES", "LINKS", "DEMANDS", "ADMISSIBLE_PATHS"];

    private readonly SndlibCursor _cursor = new(text, file, builder);
    private readonly SndlibDocument _document = new();
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    private SndlibTokenizer Tokens => _cursor.Tokens;

    public SndlibDocument Parse()
    {
        if (text.StartsWith('?'))
        {
            ReadHeader(Tokens.ReadLine()!.Value.Text);
        }

        while (Tokens.Next() is var name && name.Kind != SndlibTokenKind.End)
        {
            if (name.Kind != SndlibTokenKind.Word || !Sections.Contains(name.Text, StringComparer.Ordinal))
            {
                throw _cursor.Fatal(name, $"expected a section name ({string.Join(", ", Sections)}), found {name.Describe()}");
            }

            if (!_seen.TryAdd(name.Text, name.Line))
            {
                throw _cursor.Fatal(name, $"section {name.Text} appears twice (first on line {_seen[name.Text]})");
            }

            _cursor.Expect(SndlibTokenKind.Open, $"'(' after {name.Text}");
            ReadSection(name);
        }

        foreach (string required in new[] { "NODES", "LINKS" })
        {
            if (!_seen.ContainsKey(required))
            {
                _cursor.Error(new SourceLocation(file), $"the file has no {required} section");
            }
        }

        return _document;
    }

    private void ReadHeader(string header)
    {
        if (!header.StartsWith("?SNDlib", StringComparison.Ordinal))
        {
            throw new SndlibSyntaxException(SourceLocation.InFile(file, 1, 1), $"expected an '?SNDlib' header line, found '{header.Trim()}'");
        }

        int type = header.IndexOf("type:", StringComparison.Ordinal);
        string kind = type < 0 ? "network" : header[(type + 5)..].Split(';')[0].Trim();
        if (kind != "network")
        {
            throw new SndlibSyntaxException(SourceLocation.InFile(file, 1, type + 1), $"this is an SNDlib '{kind}' file, not a network");
        }
    }

    private void ReadSection(SndlibToken section)
    {
        switch (section.Text)
        {
            case "META":
                ReadMeta(section);
                break;
            case "NODES":
                ReadEntries(section, SndlibEntryReader.ReadNode);
                break;
            case "LINKS":
                ReadEntries(section, SndlibEntryReader.ReadLink);
                break;
            case "DEMANDS":
                ReadEntries(section, SndlibEntryReader.ReadDemand);
                break;
            default:
                SkipBalanced(section);
                break;
        }
    }

    /// <summary>META holds <c>name = free text</c> lines; the line holding ')' closes it.</summary>
    private void ReadMeta(SndlibToken section)
    {
        while (true)
        {
            var read = Tokens.ReadLine() ?? throw _cursor.Fatal(section, $"the file ends inside the META section opened on line {section.Line}");
            string line = read.Text.Trim();
            if (line.StartsWith(')'))
            {
                string rest = line[1..].Trim();
                if (rest.Length > 0 && !rest.StartsWith('#'))
                {
                    throw new SndlibSyntaxException(SourceLocation.InFile(file, read.Line), $"unexpected '{rest}' after the ')' closing META");
                }

                return;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                _cursor.Error(SourceLocation.InFile(file, read.Line), $"META: expected 'name = value', found '{line}'");
                continue;
            }

            _document.Meta[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }
    }

    private void ReadEntries(SndlibToken section, Action<SndlibCursor, SndlibToken, SndlibDocument> readEntry)
    {
        while (true)
        {
            var token = Tokens.Next();
            switch (token.Kind)
            {
                case SndlibTokenKind.Close:
                    return;
                case SndlibTokenKind.Word:
                    readEntry(_cursor, token, _document);
                    break;
                case SndlibTokenKind.End:
                    throw _cursor.Fatal(token, $"the file ends inside the {section.Text} section opened on line {section.Line}");
                default:
                    throw _cursor.Fatal(token, $"expected an id or the ')' closing {section.Text}, found {token.Describe()}");
            }
        }
    }

    private void SkipBalanced(SndlibToken section)
    {
        for (int depth = 1; depth > 0;)
        {
            var token = Tokens.Next();
            depth += token.Kind switch
            {
                SndlibTokenKind.Open => 1,
                SndlibTokenKind.Close => -1,
                SndlibTokenKind.End => throw _cursor.Fatal(token, $"the file ends inside the {section.Text} section opened on line {section.Line}"),
                _ => 0,
            };
        }
    }
}
