import '@/components/theme.css';
import '@/components/options/options.css';
import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';

const root = document.getElementById('options-root');
if (root) render(<OptionsApp />, root);
