// The public surface of @poolscope/analysis arrives with issue #5; nothing is exported yet.
export {};
