import { createApp } from 'vue';
import App from './app.vue';
import './styles/main.css';

createApp(App).mount('#app');
