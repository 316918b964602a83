namespace Refinery.Api.Hosting;

/// <summary>
/// One of the installation's secrets, and where it may come from: a file the operator configured (the same on every
/// machine), else the shared catalog in distributed mode, else a file the first start makes in the data directory.
/// </summary>
/// <param name="Name">Its name in the catalog.</param>
/// <param name="ConfiguredFile">The key file the operator gave, or null.</param>
/// <param name="DataDirectoryFile">The key file of an embedded installation.</param>
/// <param name="WhatReplacingItCosts">What stops working when the key changes, for the error that says how to replace it.</param>
public sealed record InstallationSecret(string Name, string? ConfiguredFile, string DataDirectoryFile, string WhatReplacingItCosts);
