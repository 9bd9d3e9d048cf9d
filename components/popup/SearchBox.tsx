interface SearchBoxProps {
  value: string;
  onInput(value: string): void;
  /** Enter: open the first result. */
  onSubmit(): void;
  /** ArrowDown: move into the list. */
  onArrowDown(): void;
  placeholder: string;
}

export function SearchBox({ value, onInput, onSubmit, onArrowDown, placeholder }: SearchBoxProps) {
  return (
    <div class="p-search">
      <label for="p-search-input" class="g-visually-hidden">
        Search names and spellings
      </label>
      <input
        id="p-search-input"
        type="search"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            onArrowDown();
          } else if (e.key === 'Escape' && value) {
            // Clear the search first; a second Escape closes the popup as usual.
            e.preventDefault();
            e.stopPropagation();
            onInput('');
          }
        }}
      />
    </div>
  );
}
