using System.Text.RegularExpressions;
using NutPortal.Core.Contracts;

namespace NutPortal.Web.Components.Contracts;

/// <summary>The editor's file list: add, switch and remove source files of a multi-file project.</summary>
public sealed partial class ContractEditorModel
{
    public const int MaxFiles = ContractProjects.MaxFiles;

    private const string NewFileTemplate = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n";

    /// <summary>Adds an empty Solidity file and makes it active; returns why not when the name is not acceptable.</summary>
    public string? AddFile(string? name)
    {
        name = name?.Trim() ?? "";
        var problem = name switch
        {
            "" => "Name the file, e.g. Library.sol.",
            _ when !FileName().IsMatch(name) || name.Contains("..", StringComparison.Ordinal) =>
                $"'{name}' is not a usable file name: letters, digits, '_', '-', '.' and '/' folders, ending in .sol.",
            _ when _files.Exists(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)) => $"There is already a file named {name}.",
            _ when _files.Count >= MaxFiles => $"A project holds at most {MaxFiles} files.",
            _ => null,
        };
        if (problem is null)
        {
            _files.Add(new(name, NewFileTemplate));
            ActiveFile = name;
        }
        return problem;
    }

    /// <summary>Removes a file (never the last one); the first file becomes active if the removed one was.</summary>
    public bool RemoveFile(string name)
    {
        if (_files.Count <= 1 || _files.RemoveAll(f => f.Key == name) == 0)
        {
            return false;
        }
        if (ActiveFile == name)
        {
            ActiveFile = _files[0].Key;
        }
        return true;
    }

    public bool Activate(string name)
    {
        if (!_files.Exists(f => f.Key == name))
        {
            return false;
        }
        ActiveFile = name;
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-]+)*\.sol$")]
    private static partial Regex FileName();
}
