using NetControl.Core;

namespace NetControl.Persistence;

/// <summary>
/// The controller's durable state could not be read or written: a file that is not a store, a store written by a
/// newer version, a record that does not parse, a disk error. The message is one line naming the file and, where one
/// is involved, the lightpath. <see cref="IsTransient"/> is true when the database was busy and a retry may succeed.
/// </summary>
public sealed class PersistenceException : NetControlException
{
    public PersistenceException(string message, Exception? inner = null, bool isTransient = false)
        : base(message, inner)
    {
        IsTransient = isTransient;
    }

    public override bool IsTransient { get; }
}
