namespace NetControl.Formats.Sndlib;

/// <summary>
/// Splits SNDlib native text into words and parentheses, skipping white space and <c>#</c> comments, and hands out
/// raw lines for the META section, whose values are free text.
/// </summary>
internal sealed class SndlibTokenizer(string text)
{
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private SndlibToken? _peeked;

    public SndlibToken Peek() => _peeked ??= Scan();

    public SndlibToken Next()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }

    /// <summary>The rest of the current line (without its end) and its line number; null at the end of the text.</summary>
    public (string Text, int Line, int Column)? ReadLine()
    {
        if (_peeked is not null)
        {
            throw new InvalidOperationException("a token was peeked; raw lines follow only after Next()");
        }

        if (_pos >= text.Length)
        {
            return null;
        }

        int end = text.IndexOf('\n', _pos);
        if (end < 0)
        {
            end = text.Length;
        }

        var line = (text[_pos..end].TrimEnd('\r'), _line, _pos - _lineStart + 1);
        _pos = end;
        if (_pos < text.Length)
        {
            _pos++;
            _line++;
            _lineStart = _pos;
        }

        return line;
    }

    private SndlibToken Scan()
    {
        while (_pos < text.Length)
        {
            char c = text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '#')
            {
                int end = text.IndexOf('\n', _pos);
                _pos = end < 0 ? text.Length : end;
            }
            else
            {
                break;
            }
        }

        int column = _pos - _lineStart + 1;
        if (_pos >= text.Length)
        {
            return new SndlibToken(SndlibTokenKind.End, string.Empty, _line, column);
        }

        char first = text[_pos];
        if (first is '(' or ')')
        {
            _pos++;
            return new SndlibToken(first == '(' ? SndlibTokenKind.Open : SndlibTokenKind.Close, first.ToString(), _line, column);
        }

        int start = _pos;
        while (_pos < text.Length && text[_pos] is not ('(' or ')' or '#') && !char.IsWhiteSpace(text[_pos]))
        {
            _pos++;
        }

        return new SndlibToken(SndlibTokenKind.Word, text[start.._pos], _line, column);
    }
}
