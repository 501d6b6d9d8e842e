// The public surface of @poolscope/runner arrives with issue #3; nothing is exported yet.
export {};
