-- Drives `same lsp` from Neovim 0.7 (headless): opens $SAME_FILE, waits for its diagnostics, asks for completion
-- at $SAME_COMPLETE, hover at $SAME_HOVER and definition at $SAME_DEFINITION ("line:character", 0-based), and
-- writes what it got as JSON to $SAME_OUT. Run: nvim --headless -u NONE -c 'luafile same-lsp.lua'
local function position(name)
  local line, character = os.getenv(name):match("(%d+):(%d+)")
  return { line = tonumber(line), character = tonumber(character) }
end

local function finish(result)
  local file = io.open(os.getenv("SAME_OUT"), "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qa!")
end

local client_id = vim.lsp.start_client({
  name = "same",
  cmd = { os.getenv("SAME_BIN"), "lsp" },
  root_dir = os.getenv("SAME_ROOT"),
})
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("SAME_FILE")))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

local result = { diagnostics = {} }
if not vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
  result.error = "no diagnostics within 60 s"
  finish(result)
end
for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { line = diagnostic.lnum, col = diagnostic.col, message = diagnostic.message })
end

local function ask(method, at)
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position(at) }
  local answers = vim.lsp.buf_request_sync(buf, method, params, 30000) or {}
  local answer = answers[client_id] or {}
  return answer.result, answer.err
end

local completion = ask("textDocument/completion", "SAME_COMPLETE") or {}
result.completion = {}
for _, item in ipairs(completion.items or completion) do
  table.insert(result.completion, item.label)
end
local hover = ask("textDocument/hover", "SAME_HOVER")
result.hover = hover and hover.contents and hover.contents.value or vim.NIL
local definition = ask("textDocument/definition", "SAME_DEFINITION") or {}
result.definition = {}
for _, location in ipairs(definition) do
  table.insert(result.definition, { uri = location.uri, line = location.range.start.line })
end
finish(result)
